// Safeguard's only script, loaded as a module so that browsers too old for GOV.UK Frontend run
// none of it. Every page works without it: the server signs an idle user out regardless.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// Session timeout warning. The body carries the timings only when someone is signed in.
// Tabs share one deadline through localStorage, so activity in one tab keeps the others alive.
const DEADLINE_KEY = "safeguard.session-deadline";

function readSharedDeadline() {
  try {
    return Number(window.localStorage.getItem(DEADLINE_KEY)) || 0;
  } catch {
    return 0;
  }
}

function writeSharedDeadline(deadline) {
  try {
    window.localStorage.setItem(DEADLINE_KEY, String(deadline));
  } catch {
    // Storage may be disabled; each tab then keeps its own deadline.
  }
}

function minutesText(milliseconds) {
  const minutes = Math.max(1, Math.ceil(milliseconds / 60000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

function startSessionTimeout(body) {
  const timeoutSeconds = Number(body.dataset.sessionTimeoutSeconds);
  const warningSeconds = Number(body.dataset.sessionWarningSeconds);
  const keepaliveUrl = body.dataset.sessionKeepaliveUrl;
  const timeoutUrl = body.dataset.sessionTimeoutUrl;
  const dialog = document.getElementById("session-timeout-dialog");
  if (!timeoutSeconds || !timeoutUrl || !keepaliveUrl || !dialog || !dialog.showModal) {
    return;
  }
  const countdown = dialog.querySelector("[data-session-timeout-countdown]");
  const stayButton = dialog.querySelector("[data-session-timeout-stay]");

  let deadline = 0;
  let timer = 0;
  let countdownTimer = 0;
  let returnFocusTo = null;

  function schedule() {
    window.clearTimeout(timer);
    deadline = Math.max(deadline, readSharedDeadline());
    const now = Date.now();
    if (now >= deadline) {
      window.location.assign(timeoutUrl);
      return;
    }
    const warnAt = deadline - warningSeconds * 1000;
    if (now >= warnAt) {
      openWarning();
      timer = window.setTimeout(schedule, deadline - now);
    } else {
      closeWarning();
      timer = window.setTimeout(schedule, warnAt - now);
    }
  }

  function restart() {
    deadline = Date.now() + timeoutSeconds * 1000;
    writeSharedDeadline(deadline);
    schedule();
  }

  function updateCountdown() {
    countdown.textContent = minutesText(deadline - Date.now());
  }

  function openWarning() {
    updateCountdown();
    if (dialog.open) {
      return;
    }
    returnFocusTo = document.activeElement;
    dialog.showModal();
    dialog.focus();
    // Once a minute is often enough for the text, and quiet enough for screen readers.
    countdownTimer = window.setInterval(updateCountdown, 60000);
  }

  function closeWarning() {
    window.clearInterval(countdownTimer);
    if (!dialog.open) {
      return;
    }
    dialog.close();
    if (returnFocusTo && typeof returnFocusTo.focus === "function") {
      returnFocusTo.focus();
    }
  }

  async function staySignedIn() {
    try {
      const response = await fetch(keepaliveUrl, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      // A redirect means the session had already ended and we were sent to the sign-in page.
      if (!response.ok || response.redirected) {
        window.location.assign(timeoutUrl);
        return;
      }
      restart();
    } catch {
      // Offline or the server is unreachable: leave the warning open so the person can retry.
      updateCountdown();
    }
  }

  stayButton.addEventListener("click", staySignedIn);
  dialog.addEventListener("cancel", (event) => {
    // Escape means "not now": treat it as staying signed in.
    event.preventDefault();
    staySignedIn();
  });
  window.addEventListener("storage", (event) => {
    if (event.key === DEADLINE_KEY) {
      schedule();
    }
  });

  restart();
}

if (document.body.dataset.sessionTimeoutSeconds) {
  startSessionTimeout(document.body);
}
