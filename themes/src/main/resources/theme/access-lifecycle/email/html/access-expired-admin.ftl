<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessExpiredAdminIntro", username, realmName, accessExpiresOn, deletionOn)}</p>
<p>${msg("accessExpiryAdminAction")}</p>
</@layout.emailLayout>
