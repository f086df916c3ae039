<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessExpiryReminderIntro", realmName, accessExpiresOn, daysLeft)}</p>
<p>${msg("accessExpiryReminderAction")}</p>
</@layout.emailLayout>
