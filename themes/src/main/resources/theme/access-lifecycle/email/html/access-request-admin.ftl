<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("accessRequestAdminIntro", username, email, realmName)}</p>
<p>${msg("accessRequestAdminAction", "")}<a href="${consoleUrl}">${consoleUrl}</a></p>
</@layout.emailLayout>
