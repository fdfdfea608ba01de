/** The job that sends due reminders and downgrades stores past the last one (lib/dunning/job.ts). */
export const DUNNING_JOB = "dunning.advance";
