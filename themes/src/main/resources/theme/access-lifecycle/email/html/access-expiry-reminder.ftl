<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p><#if daysLeft == "1">${msg("accessExpiryReminderIntroTomorrow", realmName, accessExpiresOn, daysLeft)}<#else>${msg("accessExpiryReminderIntro", realmName, accessExpiresOn, daysLeft)}</#if></p>
<p>${msg("accessExpiryReminderAction")}</p>
</@layout.emailLayout>
