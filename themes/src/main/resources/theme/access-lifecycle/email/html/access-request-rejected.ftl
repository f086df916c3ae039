<#import "template.ftl" as layout>
<@layout.emailLayout>
<p><#if user.firstName?has_content>${msg("accessInvitationGreeting", user.firstName)}<#else>${msg("accessInvitationGreetingNoName")}</#if></p>
<p>${msg("accessRequestRejectedIntro", realmName)}</p>
<blockquote style="white-space: pre-wrap">${reason}</blockquote>
</@layout.emailLayout>
