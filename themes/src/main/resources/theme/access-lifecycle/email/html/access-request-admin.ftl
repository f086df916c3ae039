<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("accessRequestAdminIntro", username, email, realmName)}</p>
<blockquote style="white-space: pre-wrap">${justification}</blockquote>
<p>${msg("accessRequestAdminAction")}</p>
</@layout.emailLayout>
