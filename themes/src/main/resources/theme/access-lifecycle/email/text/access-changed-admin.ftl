<#ftl output_format="plainText">
${msg("accessChangedAdminIntro", actorName, username, realmName)}

- ${msg("accessChangedAdminRoles", rolesBefore, roles)}
- ${msg("accessChangedAdminGroups", groupsBefore, groups)}
<#if labels?has_content>- ${msg("accessInvitationLabels", labels)}
</#if><#if accessExpiresOn?has_content>- ${msg("accessInvitationEndDate", accessExpiresOn)}
</#if><#if note?has_content>

${msg("accessChangedNote", note)}
</#if>
