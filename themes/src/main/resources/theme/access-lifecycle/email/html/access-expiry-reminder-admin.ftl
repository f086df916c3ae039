<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessExpiryReminderAdminIntro", username, realmName, accessExpiresOn, daysLeft)}</p>
<p>${msg("accessExpiryAdminAction")}</p>
</@layout.emailLayout>
