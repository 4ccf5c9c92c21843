"""Real-browser end-to-end tests of the dashboard (Chromium driven by Playwright)."""
