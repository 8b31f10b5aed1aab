export default defineBackground(() => {
  // Wired up by lib/messages.ts handlers (issue 3).
});
