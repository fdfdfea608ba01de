import { defineMessages } from "./define";

// Owned by the credits work; every key needs both languages.
export default defineMessages(
  {
    title: "Credits",
  },
  {
    title: "Credits",
  },
);
