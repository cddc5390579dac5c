import { cardBlockWords } from './card-block';

const DAY = 86_400_000;
const at = (day: number) => new Date(Date.UTC(2026, 11, 1) + day * DAY).toISOString();
const loss = (id: string, day: number, liftsDay: number) => ({ submissionId: id, itemCode: 'CARD-02', submittedAt: at(day), outcome: { state: 'done', blockLiftsAt: at(liftsDay) } });
const cancel = (id: string, day: number) => ({ submissionId: id, itemCode: 'CARD-02', submittedAt: at(day), outcome: { state: 'done' } });

describe('what "where is my request" says about a card block', () => {
  it('a block holds until its time, then it has lifted', () => {
    expect(cardBlockWords([loss('a', 0, 15)], Date.parse(at(3)))).toEqual(new Map([['a', { word: 'holds', liftsAt: at(15) }]]));
    expect(cardBlockWords([loss('a', 0, 15)], Date.parse(at(15)))).toEqual(new Map([['a', { word: 'lifted', liftsAt: at(15) }]]));
  });

  it('a later cancellation of the loss report leaves the earlier report silent about a block', () => {
    expect(cardBlockWords([cancel('b', 2), loss('a', 0, 15)], Date.parse(at(3))).size).toBe(0);
  });

  it('a newer loss report speaks for the card, the older one does not; requests still waiting do not count', () => {
    const words = cardBlockWords([loss('c', 5, 20), cancel('b', 2), loss('a', 0, 15), { ...cancel('d', 6), outcome: { state: 'inProgress' } }], Date.parse(at(6)));
    expect([...words]).toEqual([['c', { word: 'holds', liftsAt: at(20) }]]);
  });

  it('the newest answer wins in whatever order the requests come, and requests without an answer are passed over', () => {
    expect(cardBlockWords([loss('a', 0, 15), cancel('b', 2)], Date.parse(at(3))).size).toBe(0);
    expect([...cardBlockWords([cancel('b', 2), loss('c', 5, 20)], Date.parse(at(6)))]).toEqual([['c', { word: 'holds', liftsAt: at(20) }]]);
    const unanswered = [{ submissionId: 'e', itemCode: 'CARD-02', submittedAt: at(7), outcome: null }, { submissionId: 'f', itemCode: 'CARD-02', submittedAt: at(8) }];
    expect([...cardBlockWords([...unanswered, loss('a', 0, 15)], Date.parse(at(8)))]).toEqual([['a', { word: 'holds', liftsAt: at(15) }]]);
  });
});
