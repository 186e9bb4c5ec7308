// S-6 retention: the moment before which data counts as old, N calendar months before now (UTC).
// A month back from 31 March is 28/29 February (the day is clamped to the shorter month).

export function retentionCutoff(nowWall: number, months: number): number {
  const now = new Date(nowWall);
  const monthIndex = now.getUTCFullYear() * 12 + now.getUTCMonth() - months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds());
}
