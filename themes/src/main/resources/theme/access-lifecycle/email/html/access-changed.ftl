<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessChangedIntro", realmName)}</p>
<ul>
<li>${msg("accessInvitationRoles", roles)}</li>
<li>${msg("accessInvitationGroups", groups)}</li>
<#if labels?has_content><li>${msg("accessInvitationLabels", labels)}</li></#if>
<#if accessExpiresOn?has_content><li>${msg("accessInvitationEndDate", accessExpiresOn)}</li></#if>
<#if authorisedCaller == "true"><li>${msg("accessInvitationCaller")}</li></#if>
</ul>
<#if note?has_content><p>${msg("accessChangedNote", note)}</p></#if>
</@layout.emailLayout>
