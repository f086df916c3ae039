<#ftl output_format="plainText">
<#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if>

${msg("accessInvitationIntro", inviterName, realmName)}
<#if personalMessage?has_content>

${msg("accessInvitationMessageFrom")}
${personalMessage}
</#if>
<#if roles?has_content || groups?has_content || labels?has_content || accessExpiresOn?has_content || authorisedCaller == "true">

${msg("accessInvitationGrants")}
<#if roles?has_content>- ${msg("accessInvitationRoles", roles)}
</#if><#if groups?has_content>- ${msg("accessInvitationGroups", groups)}
</#if><#if labels?has_content>- ${msg("accessInvitationLabels", labels)}
</#if><#if accessExpiresOn?has_content>- ${msg("accessInvitationEndDate", accessExpiresOn)}
</#if><#if authorisedCaller == "true">- ${msg("accessInvitationCaller")}
</#if></#if>

${msg("accessInvitationAction")}:
${link}

${msg("accessInvitationExpiry", linkExpiresOn)}

${msg("accessInvitationIgnore")}
