/**
 * Reads a V8 CPU profile (`node --cpu-prof`) into where the time went: self time per function
 * (the top ones) and per part of the program (node's own JavaScript, Suunta's bundle, each
 * dependency, the garbage collector, V8/native code), as shares of the busy (non-idle) time.
 */
import { relative } from 'node:path';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  categories: { name: string; selfMs: number; share: number }[];
  top: { name: string; where: string; selfMs: number; share: number }[];
}

/** The part of the program a script URL belongs to. */
function partOf(url: string, root: string): string {
  if (url === '') return 'V8 and native code';
  if (url.startsWith('node:')) return "node's own JavaScript (http, net, streams)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return `dependency ${modules[1]}`;
  if (url.includes('/dist/suunta.mjs')) return "Suunta's code";
  return relative(root, url.replace(/^file:\/\//, ''));
}

/** `lastMs`: only the samples of the profile's last `lastMs` milliseconds (the load, not the start-up). */
export function summariseProfile(profile: CpuProfile, root: string, lastMs = Infinity, topCount = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time before sample i; the time after it (until the next) is what it stands for.
  const from = profile.endTime - lastMs * 1000;
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from) continue;
    const next = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(profile.samples[i]!, (selfUs.get(profile.samples[i]!) ?? 0) + next);
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, { name: string; where: string; us: number }>();
  const parts = new Map<string, number>();
  let idleUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const special = functionName.startsWith('(') ? functionName : null;
    const part =
      special === '(garbage collector)' ? 'garbage collector' : special ? 'V8 and native code' : partOf(url, root);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const where = special ? '' : `${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
    const key = `${functionName}@${where}`;
    const f = functions.get(key) ?? { name: functionName || '(anonymous)', where, us: 0 };
    f.us += us;
    functions.set(key, f);
  }
  const busyUs = totalUs - idleUs;
  const share = (us: number): number => (busyUs > 0 ? us / busyUs : 0);
  return {
    totalMs: totalUs / 1000,
    busyMs: busyUs / 1000,
    categories: [...parts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, selfMs: us / 1000, share: share(us) })),
    top: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, topCount)
      .map((f) => ({ name: f.name, where: f.where, selfMs: f.us / 1000, share: share(f.us) })),
  };
}
