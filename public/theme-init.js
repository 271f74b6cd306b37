// Applies the light or dark theme before the first paint, so a dark system never flashes white.
// External (the CSP allows no inline script) and tiny; src/lib/theme.ts takes over once the app runs.
(function () {
  var choice = null;
  try {
    choice = localStorage.getItem('workflow-lens:theme');
  } catch {
    // Storage blocked: follow the system.
  }
  var dark =
    choice === 'dark' ||
    (choice !== 'light' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  var theme = dark ? 'dark' : 'light';
  document.documentElement.setAttribute('data-theme', theme);
  document.documentElement.style.colorScheme = theme;
})();
