<#ftl output_format="plainText">
${msg("accessRequestAdminIntro", username, email, realmName)}

${justification}

${msg("accessRequestAdminAction")}
