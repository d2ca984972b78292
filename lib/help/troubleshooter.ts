// The "Can't sign in?" troubleshooter as data: the page renders it and a test checks its shape.
// Words live in messages/*.json under help.steps.<id>; a step's "back" is its one parent.

export const HELP_ACTIONS = ["connection", "reset", "status", "update", "repair", "freeze", "support"] as const;
export type HelpAction = (typeof HELP_ACTIONS)[number];

export type HelpAnswer = { key: string; next: string };
export type HelpStep =
  | { kind: "question"; answers: readonly HelpAnswer[] }
  // mentionsStatus: a service incident could explain it; offersRecovery: the user lost both email and mobile.
  | { kind: "outcome"; action: HelpAction; mentionsStatus?: boolean; offersRecovery?: boolean };

export const HELP_START = "start";

export const HELP_STEPS: Record<string, HelpStep> = {
  start: {
    kind: "question",
    answers: [
      { key: "network", next: "network" },
      { key: "password", next: "password" },
      { key: "paused", next: "paused" },
      { key: "app", next: "app" },
      { key: "lostPhone", next: "lost-phone" },
      { key: "other", next: "other" },
    ],
  },
  network: {
    kind: "question",
    answers: [
      { key: "nothing", next: "network-all" },
      { key: "onlyPortal", next: "network-others" },
    ],
  },
  "network-others": {
    kind: "question",
    answers: [
      { key: "onlyThisBrowser", next: "repair-browser" },
      { key: "everywhere", next: "network-portal" },
    ],
  },
  password: {
    kind: "question",
    answers: [
      { key: "haveContact", next: "reset" },
      { key: "lostContact", next: "recover" },
    ],
  },
  app: {
    kind: "question",
    answers: [
      { key: "inApp", next: "update-app" },
      { key: "inBrowser", next: "browser" },
    ],
  },
  browser: {
    kind: "question",
    answers: [
      { key: "outdated", next: "update-browser" },
      { key: "current", next: "repair-browser-state" },
    ],
  },
  "lost-phone": {
    kind: "question",
    answers: [
      { key: "haveContact", next: "freeze" },
      { key: "lostContact", next: "recover-lost-phone" },
    ],
  },
  "network-all": { kind: "outcome", action: "connection", mentionsStatus: true },
  "network-portal": { kind: "outcome", action: "connection", mentionsStatus: true },
  "repair-browser": { kind: "outcome", action: "repair", mentionsStatus: true },
  "repair-browser-state": { kind: "outcome", action: "repair" },
  reset: { kind: "outcome", action: "reset" },
  recover: { kind: "outcome", action: "support", offersRecovery: true },
  paused: { kind: "outcome", action: "status" },
  "update-app": { kind: "outcome", action: "update" },
  "update-browser": { kind: "outcome", action: "update" },
  freeze: { kind: "outcome", action: "freeze" },
  "recover-lost-phone": { kind: "outcome", action: "support", offersRecovery: true },
  other: { kind: "outcome", action: "support" },
};

/** The step named in the URL, or the start for anything unknown. */
export function findHelpStep(id: string | undefined): string {
  return id !== undefined && Object.hasOwn(HELP_STEPS, id) ? id : HELP_START;
}

/** The step whose answer leads here: the "back" link (the tree gives every step one parent). */
export function parentOfHelpStep(id: string): string | null {
  for (const [parent, step] of Object.entries(HELP_STEPS)) {
    if (step.kind === "question" && step.answers.some((a) => a.next === id)) return parent;
  }
  return null;
}
