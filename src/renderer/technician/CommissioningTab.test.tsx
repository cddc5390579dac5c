/** @jest-environment jsdom */
import { beforeAll, describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import i18next from 'i18next';
import type { CommissioningStep } from '../../shared/commissioning/site-record';
import { resources } from '../../shared/locales';
import { setupI18n } from '../i18n/setup';
import { CommissioningTab } from './CommissioningTab';
import { coreStandIn, renderOnCore } from '../../../test/support/core-stand-in';

/**
 * The commissioning tab words what each check found in the technician's language, from the data the core sends
 * (commissioning.check): the same run reads in English, then in Chinese after a switch.
 */
const AT = '2026-12-01T02:00:00.000Z';
const BY = { id: 'tech-sun', name: 'Sun' };
const step = (id: string, rest: Partial<CommissioningStep>): CommissioningStep => ({ id, how: 'automatic', passed: true, checkedAt: AT, checkedBy: BY, ...rest });
const STEPS: CommissioningStep[] = [
  step('device:id-reader', { deviceKind: 'idCardReader', passed: false, finding: { key: 'deviceSteps', steps: [{ name: 'port', ok: true }, { name: 'samStatus', ok: false }] } }),
  step('countyReachable', { passed: false, finding: { key: 'countyUnreached', reason: 'ECONNREFUSED' } }),
  step('syncRound', { passed: false, finding: { key: 'syncFailed', reason: 'ECONNREFUSED' } }),
  step('clockAgrees', { passed: false, finding: { key: 'clockOffset', seconds: 95 } }),
  step('staffLogin', { finding: { key: 'staffAccount', username: 'tech', roles: ['technician'] } }),
  step('officeHours', { finding: { key: 'officeHours', hours: [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '17:30' }] } }),
  step('consultationPhone', { finding: { key: 'phone', phone: '0351-12333' } }),
];

const shown = (id: string) => document.querySelector(`[data-commissioning-step="${id}"] [data-commissioning-detail]`)?.textContent;

const zh = resources['zh-CN'];
const zhFinding = zh.technician.commissioning.finding;
const zhStep = zh.technician.selfTest;

describe("the commissioning tab says what each check found in the technician's language", () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  it('words the core’s findings in English, then in Chinese after a switch, with no sentence from the core', async () => {
    const core = coreStandIn({
      'site.info': () => ({ level: 'village' }),
      'siteRecords.list': () => ({ records: [] }),
      'commissioning.check': () => ({ steps: STEPS, manual: ['publicity'] }),
    });
    renderOnCore(core, <CommissioningTab />);
    fireEvent.click(await screen.findByText('Run the automatic checks'));
    await screen.findByText(/One sync round/);

    expect(Object.fromEntries(STEPS.map((s) => [s.id, shown(s.id)]))).toEqual({
      'device:id-reader': ' (Port: passed; SAM status: failed)',
      countyReachable: ' (No answer from the county: ECONNREFUSED)',
      syncRound: ' (Sync round not completed: ECONNREFUSED)',
      clockAgrees: ' (Off by 95 s)',
      staffLogin: ' (Account tech, role: Technician)',
      officeHours: ' (Mon, Tue, Wed, Thu, Fri 08:30–17:30)',
      consultationPhone: ' (0351-12333)',
    });
    expect(document.querySelector('[data-commissioning-steps]')!.textContent).not.toMatch(/commissioning\.|finding|selfTest/);

    // The same run in Chinese (the locale's own words: no Chinese literal in a renderer file).
    await act(async () => {
      await i18next.changeLanguage('zh-CN');
    });
    const aside = (text: string) => `（${text}）`;
    expect(Object.fromEntries(['device:id-reader', 'syncRound', 'clockAgrees', 'staffLogin'].map((id) => [id, shown(id)]))).toEqual({
      'device:id-reader': aside(`${zhStep.step.port}：${zhStep.stepOk}；${zhStep.step.samStatus}：${zhStep.stepFailed}`),
      syncRound: aside(zhFinding.syncFailed.replace('{{reason}}', 'ECONNREFUSED')),
      clockAgrees: aside(zhFinding.clockOffset.replace('{{seconds}}', '95')),
      staffLogin: aside(zhFinding.staffAccount.replace('{{username}}', 'tech').replace('{{roles}}', zhFinding.role.technician)),
    });
    expect(shown('officeHours')).toMatch(/^（\S+ 08:30–17:30）$/);
    expect(document.querySelector('[data-commissioning-steps]')!.textContent).not.toMatch(/Port|Sync|Account|Off by|Mon|passed|failed/);
  });
});

describe("the commissioning tab's ticks (the touchscreen's TickBox, not the browser's 13 px box)", () => {
  beforeAll(async () => {
    await setupI18n('en');
  });

  it("records the publicity check and the acceptance criteria as the technician ticked them", async () => {
    const got: Record<string, unknown> = {};
    const core = coreStandIn({
      'site.info': () => ({ level: 'village' }),
      'siteRecords.list': () => ({ records: [] }),
      'commissioning.check': () => ({ steps: STEPS, manual: ['publicity'] }),
      'commissioning.complete': (input) => ((got.complete = input), { passed: true }),
      'acceptance.signIn': () => ({ name: 'Township Li' }),
      'acceptance.record': (input) => ((got.acceptance = input), { passed: false }),
    });
    renderOnCore(core, <CommissioningTab />);
    fireEvent.click(await screen.findByText('Run the automatic checks'));
    const en = resources.en.technician.commissioning;
    const publicity = await screen.findByRole('checkbox', { name: en.publicityDone });
    expect(publicity.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(publicity);
    expect(publicity.getAttribute('aria-checked')).toBe('true');
    expect(publicity.className).toMatch(/\btick\b/);
    await act(async () => {
      fireEvent.click(screen.getByText(en.complete));
    });
    expect(got.complete).toEqual({ manual: [{ id: 'publicity', passed: true }] });

    // Acceptance: two of the basic standard's criteria ticked, one ticked and unticked again.
    for (const id of ['fixedOffice', 'oneStaff', 'computer'] as const) fireEvent.click(screen.getByRole('checkbox', { name: en.criterion[id] }));
    fireEvent.click(screen.getByRole('checkbox', { name: en.criterion.computer }));
    expect(document.querySelector('[data-acceptance-criterion="fixedOffice"]')!.getAttribute('aria-checked')).toBe('true');
    fireEvent.change(document.querySelector('[data-acceptance-username]')!, { target: { value: 'li' } });
    fireEvent.change(document.querySelector('[data-acceptance-password]')!, { target: { value: 'secret' } });
    await act(async () => {
      fireEvent.click(screen.getByText(en.signIn));
    });
    await act(async () => {
      fireEvent.click(await screen.findByText(en.sign));
    });
    const criteria = (got.acceptance as { criteria: Array<{ id: string; met: boolean }> }).criteria;
    expect(criteria.filter((c) => c.met).map((c) => c.id)).toEqual(['fixedOffice', 'oneStaff']);
    expect(criteria).toHaveLength(7);
  });
});
