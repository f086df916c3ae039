<#ftl output_format="plainText">
<#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if>

${msg("accessExpiryReminderAdminIntro", username, realmName, accessExpiresOn, daysLeft)}

${msg("accessExpiryAdminAction")}
