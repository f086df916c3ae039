<#ftl output_format="plainText">
<#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if>

${msg("accessChangedIntro", realmName)}

- ${msg("accessInvitationRoles", roles)}
- ${msg("accessInvitationGroups", groups)}
<#if labels?has_content>- ${msg("accessInvitationLabels", labels)}
</#if><#if accessExpiresOn?has_content>- ${msg("accessInvitationEndDate", accessExpiresOn)}
</#if><#if authorisedCaller == "true">- ${msg("accessInvitationCaller")}
</#if><#if note?has_content>

${msg("accessChangedNote", note)}
</#if>
