<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessPasswordReminderIntro", realmName, changeBy)}</p>
<p><a href="${changeUrl}">${msg("accessPasswordReminderLink")}</a></p>
</@layout.emailLayout>
