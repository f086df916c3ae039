<#ftl output_format="plainText">
${msg("accessRequestAdminIntro", username, email, realmName)}

${msg("accessRequestAdminAction", consoleUrl)}
