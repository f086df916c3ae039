<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessExpiredIntro", realmName, accessExpiresOn)}</p>
<p>${msg("accessExpiredDeletion", deletionOn)}</p>
</@layout.emailLayout>
