<#ftl output_format="plainText">
<#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if>

<#if daysLeft == "1">${msg("accessExpiryReminderAdminIntroTomorrow", username, realmName, accessExpiresOn, daysLeft)}<#else>${msg("accessExpiryReminderAdminIntro", username, realmName, accessExpiresOn, daysLeft)}</#if>

${msg("accessExpiryAdminAction")}
