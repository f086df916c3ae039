<#ftl output_format="plainText">
<#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if>

<#if daysLeft == "1">${msg("accessExpiryReminderIntroTomorrow", realmName, accessExpiresOn, daysLeft)}<#else>${msg("accessExpiryReminderIntro", realmName, accessExpiresOn, daysLeft)}</#if>

${msg("accessExpiryReminderAction")}
