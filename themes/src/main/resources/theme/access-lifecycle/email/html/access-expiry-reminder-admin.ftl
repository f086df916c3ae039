<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p><#if daysLeft == "1">${msg("accessExpiryReminderAdminIntroTomorrow", username, realmName, accessExpiresOn, daysLeft)}<#else>${msg("accessExpiryReminderAdminIntro", username, realmName, accessExpiresOn, daysLeft)}</#if></p>
<p>${msg("accessExpiryAdminAction")}</p>
</@layout.emailLayout>
