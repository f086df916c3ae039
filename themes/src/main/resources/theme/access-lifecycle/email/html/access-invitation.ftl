<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessInvitationIntro", inviterName, realmName)}</p>
<#if personalMessage?has_content>
<p>${msg("accessInvitationMessageFrom")}</p>
<blockquote style="white-space: pre-wrap">${personalMessage}</blockquote>
</#if>
<#if roles?has_content || groups?has_content || labels?has_content || accessExpiresOn?has_content || authorisedCaller == "true">
<p>${msg("accessInvitationGrants")}</p>
<ul>
<#if roles?has_content><li>${msg("accessInvitationRoles", roles)}</li></#if>
<#if groups?has_content><li>${msg("accessInvitationGroups", groups)}</li></#if>
<#if labels?has_content><li>${msg("accessInvitationLabels", labels)}</li></#if>
<#if accessExpiresOn?has_content><li>${msg("accessInvitationEndDate", accessExpiresOn)}</li></#if>
<#if authorisedCaller == "true"><li>${msg("accessInvitationCaller")}</li></#if>
</ul>
</#if>
<p><a href="${link}">${msg("accessInvitationAction")}</a></p>
<p>${msg("accessInvitationExpiry", linkExpiresOn)}</p>
<p>${msg("accessInvitationIgnore")}</p>
</@layout.emailLayout>
