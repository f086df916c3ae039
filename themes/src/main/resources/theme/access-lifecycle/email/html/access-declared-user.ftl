<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("accessDeclaredUserGreeting", user.firstName!"")}</p>
<p>${msg("accessDeclaredUserIntro", realmName)}</p>
<p>${msg("accessDeclaredUserUsername")} <strong>${username}</strong></p>
<p><a href="${link}">${msg("accessDeclaredUserAction")}</a></p>
<p>${msg("accessDeclaredUserExpiry", linkExpiresAt)}</p>
<p>${msg("accessDeclaredUserNoPassword")}</p>
</@layout.emailLayout>
