<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("accessChangedAdminIntro", actorName, username, realmName)}</p>
<ul>
<li>${msg("accessChangedAdminRoles", rolesBefore, roles)}</li>
<li>${msg("accessChangedAdminGroups", groupsBefore, groups)}</li>
<#if labels?has_content><li>${msg("accessInvitationLabels", labels)}</li></#if>
<#if accessExpiresOn?has_content><li>${msg("accessInvitationEndDate", accessExpiresOn)}</li></#if>
</ul>
<#if note?has_content><p>${msg("accessChangedNote", note)}</p></#if>
</@layout.emailLayout>
