// Made-up workers, distinct within a run: openids, phones and valid 身份证号 (GB 11643 check digit, aged 26–51).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const DAYS = 9000;
let serial = 0;

export const runId = Date.now().toString(36);

/** The next person: 530427 (新平), a birth date from 1975 on, a sequence number; one serial per person. */
export function nextPerson() {
  const n = serial++;
  const birth = new Date(Date.UTC(1975, 0, 1) + (n % DAYS) * 86400000).toISOString().slice(0, 10).replaceAll("-", "");
  const body = `530427${birth}${String(100 + (Math.floor(n / DAYS) % 900)).padStart(3, "0")}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0);
  return {
    openid: `o_drill_${runId}_${n}`,
    idNumber: body + "10X98765432"[sum % 11],
    phone: "139" + String(n).padStart(8, "0"),
  };
}
