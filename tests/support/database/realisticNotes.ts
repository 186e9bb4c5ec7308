// Call notes as agents write them: mixed Chinese and English, ~300 characters, with the terms the
// benchmarks search for ("退款" in about 18% of notes, like the measured data set).
const openings = ['客户来电咨询', '客户反映', '来电人表示', 'Caller asked about', 'Customer reported', '客户投诉'];
const topics = [
  '订单配送延迟，已超过承诺时间三天',
  '账户无法登录，提示密码错误',
  'invoice amount does not match the quote',
  '发票抬头需要更改为公司名称',
  'the router drops the connection every evening',
  '会员积分未到账',
  '产品保修期内出现故障，要求上门维修',
  'wants to upgrade the plan to business tier',
];
const actions = [
  '已告知处理流程并记录工单',
  'escalated to tier 2 with ticket reference',
  '已转交技术部门，承诺24小时内回电',
  'explained the billing cycle and sent an email summary',
  '按首问负责制跟进，预计三个工作日内答复',
  'customer satisfied, no further action',
];
const refundSentence = '客户要求退款，已提交退款申请，财务审核后原路退回。';
const filler = 'Agent confirmed identity, verified the account number and read back the details. ';

/** Deterministic note `i` (so every run and every size indexes the same text). */
export function realisticNote(i: number): string {
  const pick = <T>(list: readonly T[], salt: number) => list[(i * 7 + salt * 13 + Math.floor(i / 5)) % list.length]!;
  let note = `${pick(openings, 1)}${pick(topics, 2)}。${pick(actions, 3)}。`;
  if (i % 50 < 9) note += refundSentence; // 18%
  while (note.length < 280) note += filler.slice(0, Math.min(filler.length, 300 - note.length));
  return note;
}
