// Cheap bcrypt in tests (the policy floor is 10) and quiet logs unless asked for.
process.env.BCRYPT_COST ??= "10";
process.env.LOG_LEVEL ??= "silent";
