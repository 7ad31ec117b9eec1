import { Observation } from './observe';

/** What is remembered of one (rule, subject) alert between evaluations. */
export interface AlertState {
  /** The level it fired at and holds now; 0 when clear. */
  level: number;
  /** How many times it has fired, the crossing a message belongs to. */
  crossing: number;
  /** Repeats sent in the current crossing. */
  repeats: number;
  /** When the last message of the current crossing was sent. */
  lastSentAt: Date | null;
}

export const CLEAR: AlertState = {
  level: 0,
  crossing: 0,
  repeats: 0,
  lastSentAt: null,
};

export type MessageKind = 'firing' | 'repeat' | 'resolved';

export interface AlertMessage {
  kind: MessageKind;
  /**
   * Unique per message of a (rule, subject) alert and the same on every
   * replica that computes it, so storing it under a unique key sends it once.
   */
  key: string;
  level: number;
}

/**
 * One evaluation of an alert: the state it moves to and the message to
 * send, if any. It fires when the condition starts to hold or holds at a
 * deeper level than it fired at (a new crossing), repeats every
 * `repeatMinutes` while it holds (at any level), and resolves once when it
 * clears. Holding at a shallower level sends nothing, but makes a later
 * fall back to the deeper one a new crossing.
 */
export function stepAlert(
  previous: AlertState,
  observation: Pick<Observation, 'level'>,
  options: { repeatMinutes: number | null; now: Date },
): { state: AlertState; message?: AlertMessage } {
  const { level } = observation;
  const { now, repeatMinutes } = options;
  if (level > previous.level) {
    const crossing = previous.crossing + 1;
    return {
      state: { level, crossing, repeats: 0, lastSentAt: now },
      message: { kind: 'firing', key: `${crossing}/firing`, level },
    };
  }
  if (level === 0) {
    if (previous.level === 0) return { state: previous };
    return {
      state: { ...previous, level: 0, lastSentAt: now },
      message: {
        kind: 'resolved',
        key: `${previous.crossing}/resolved`,
        level: 0,
      },
    };
  }
  // Holding, at its level or a shallower one.
  const holding = { ...previous, level };
  const due =
    repeatMinutes !== null &&
    previous.lastSentAt !== null &&
    now.getTime() - previous.lastSentAt.getTime() >= repeatMinutes * 60_000;
  if (!due) return { state: holding };
  const repeats = previous.repeats + 1;
  return {
    state: { ...holding, repeats, lastSentAt: now },
    message: {
      kind: 'repeat',
      key: `${previous.crossing}/repeat/${repeats}`,
      level,
    },
  };
}
