import { defineMessages } from "./define";

// Owned by the pix work; every key needs both languages.
export default defineMessages(
  {
    title: "Pix",
  },
  {
    title: "Pix",
  },
);
