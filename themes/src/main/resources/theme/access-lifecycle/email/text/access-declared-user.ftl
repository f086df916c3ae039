<#ftl output_format="plainText">
${msg("accessDeclaredUserGreeting", user.firstName!"")}

${msg("accessDeclaredUserIntro", realmName)}

${msg("accessDeclaredUserUsername")} ${username}

${msg("accessDeclaredUserAction")}:
${link}

${msg("accessDeclaredUserExpiry", linkExpiresAt)}

${msg("accessDeclaredUserNoPassword")}
