import { test, expect } from './fixtures';

const IDS = [
  'snapshot-copy',
  'envelope-encryption',
  's3-replication-sse-kms',
  'ami-sharing',
  'multi-region-client-side',
  'secrets-rotation',
  'parameter-store-securestring',
];

test('the list offers all seven walkthroughs', async ({ app, page }) => {
  await app.open('/walkthroughs');
  await expect(page.locator('.walkthrough-list > li')).toHaveCount(7);
  await page.getByRole('link', { name: 'Copying an encrypted snapshot to another account' }).click();
  await expect(page).toHaveURL('/walkthroughs/snapshot-copy/1');
  await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
});

test('a walkthrough links the labs that practise it, and only those', async ({ app, page }) => {
  await app.open('/walkthroughs/envelope-encryption/1');
  const labs = page.locator('.walkthrough-sources .lab-links');
  await expect(labs).toHaveText('Try it hands-on: Envelope encryption lab');
  await expect(labs.getByRole('link')).toHaveAttribute('href', '/labs/envelope-encryption');
  await app.open('/walkthroughs/ami-sharing/1');
  await expect(page.locator('.walkthrough-sources')).toBeVisible();
  await expect(page.locator('.walkthrough-sources .lab-links')).toBeHidden();
});

for (const id of IDS) {
  test(`${id} steps to its end by keyboard, with its narration and arrows`, async ({ app, page }) => {
    await app.open(`/walkthroughs/${id}/1`);
    const count = await page.getByTestId('step-count').textContent();
    const total = Number(/of (\d+)/.exec(count!)![1]);
    for (let step = 1; step <= total; step++) {
      await expect(page.getByTestId('step-count')).toHaveText(`Step ${step} of ${total}`);
      await expect(page).toHaveURL(`/walkthroughs/${id}/${step}`);
      await expect(page.locator('.narration .md')).not.toBeEmpty();
      // The diagram is drawn once its room is measured, which can come after the narration.
      await expect
        .poll(async () => (await page.locator('.arrows .arrow').count()) + (await page.locator('.actor.highlighted').count()), {
          message: `step ${step} shows something`,
        })
        .toBeGreaterThan(0);
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByTestId('step-count')).toHaveText(`Step ${total} of ${total}`);
    await page.keyboard.press('Home');
    await expect(page.getByTestId('step-count')).toHaveText(`Step 1 of ${total}`);
    await page.keyboard.press('End');
    await expect(page.getByTestId('step-count')).toHaveText(`Step ${total} of ${total}`);
    expect(await app.accessibilityViolations()).toEqual([]);
  });
}

test('a step changes its actors in place: one brought in fades in, and badges and highlights follow the step', async ({ app, page }) => {
  await app.open('/walkthroughs/snapshot-copy/1');
  const actor = (id: string) => page.locator(`svg.stage [data-actor="${id}"]`);
  await expect(actor('snapshot-a')).toHaveClass(/\bpresent\b.*\bhighlighted\b/);
  await expect(actor('snapshot-b')).not.toHaveClass(/\bpresent\b/);
  await expect(actor('snapshot-b')).toHaveAttribute('aria-hidden', 'true');
  await expect(actor('policy-a').locator('.actor-badge')).toHaveCount(0);
  // The groups are kept from step to step, so that CSS can move them.
  await page.evaluate(() => {
    const w = window as unknown as { kept: Element[] };
    w.kept = [...document.querySelectorAll('svg.stage [data-actor]')];
  });

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
  await expect(actor('policy-a').locator('.actor-label')).toHaveText('Key policy of CMK-A');
  await expect(actor('policy-a').locator('.actor-badge')).toHaveText(['allows account B']);
  await expect(actor('role-b').locator('.actor-badge')).toHaveText(['may use CMK-A']);
  await expect(actor('policy-a')).toHaveClass(/\bhighlighted\b/);
  await expect(actor('snapshot-a')).not.toHaveClass(/\bhighlighted\b/);

  await page.keyboard.press('ArrowRight');
  await expect(actor('snapshot-a').locator('.actor-badge')).toHaveText(['encrypted: CMK-A', 'shared with B']);

  // The copy comes in as the fourth step shows, fading in where it stands. The watch is
  // set before the key is pressed, and read after: a key press and a script reach the page
  // by different paths, so the key could otherwise come first.
  await page.evaluate(() => {
    const w = window as unknown as { fading: Promise<string[]> };
    w.fading = new Promise<string[]>((resolve) => {
      const copy = document.querySelector('svg.stage [data-actor="snapshot-b"]')!;
      new MutationObserver(() =>
        requestAnimationFrame(() =>
          resolve(copy.getAnimations().map((a) => (a as CSSTransition).transitionProperty)),
        ),
      ).observe(copy, { attributes: true, attributeFilter: ['class'] });
    });
  });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 5');
  expect(await page.evaluate(() => (window as unknown as { fading: Promise<string[]> }).fading)).toContain('opacity');
  await expect(actor('snapshot-b')).toHaveClass(/\bpresent\b/);
  await expect(actor('snapshot-b')).toHaveAttribute('aria-hidden', 'false');
  await expect(actor('snapshot-b').locator('.actor-badge')).toHaveText(['encrypted: CMK-B']);
  await expect.poll(() => actor('snapshot-b').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  expect(
    await page.evaluate(() => {
      const w = window as unknown as { kept: Element[] };
      const now = [...document.querySelectorAll('svg.stage [data-actor]')];
      return now.length === w.kept.length && now.every((el, i) => el === w.kept[i]);
    }),
  ).toBe(true);
});

test('a deep link opens its step, and back and forward move between steps', async ({ app, page }) => {
  await app.open('/walkthroughs/snapshot-copy/3');
  await expect(page.getByTestId('step-count')).toHaveText('Step 3 of 5');
  await expect(page.getByRole('heading', { level: 2, name: /Share the encrypted snapshot/i })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 5 of 5');
  await page.goBack();
  await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 5');
  await page.goBack();
  await expect(page.getByTestId('step-count')).toHaveText('Step 3 of 5');
  await page.goForward();
  await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 5');
  await page.getByRole('button', { name: /^Step 2:/ }).click();
  await expect(page).toHaveURL('/walkthroughs/snapshot-copy/2');
});

/** The animations running on the live diagram's arrows, by name. */
function arrowAnimations(page: import('@playwright/test').Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.stage .arrow *')]
      .flatMap((el) => el.getAnimations())
      .map((a) => (a as CSSAnimation).animationName)
      .sort(),
  );
}

test('a deep link\'s arrows draw in once, on the page rendered at build time; the next step\'s draw in', async ({ page }) => {
  // The rendered page draws the step's arrow in as it first shows.
  const rendered = await (await page.request.get('/walkthroughs/snapshot-copy/2')).text();
  expect(rendered).toContain('<g class="arrows" data-step="1"><g class="arrow arrow-');
  await page.goto('/walkthroughs/snapshot-copy/2');
  await page.waitForFunction(() => !document.getElementById('boot'));
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
  // The live diagram that replaces it shows the arrow as drawn, not drawing in again.
  const line = page.locator('svg.stage .arrow line');
  await expect(line).toHaveCount(1);
  expect(await arrowAnimations(page)).toEqual([]);
  expect(await line.evaluate((el) => getComputedStyle(el).strokeDashoffset)).toBe('0px');
  expect(await page.locator('svg.stage .arrow-label').evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  // A step new to the eye draws its arrows in: two lines and their labels.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-count')).toHaveText('Step 4 of 5');
  await expect(line).toHaveCount(2);
  expect(await arrowAnimations(page)).toEqual(['draw', 'draw', 'fade', 'fade', 'fade', 'fade']);
});

test('a walkthrough opened from the list draws its first arrows in', async ({ app, page }) => {
  await app.open('/walkthroughs');
  await page.getByRole('link', { name: /snapshot/i }).first().click();
  await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
  await expect(page.locator('svg.stage .arrow line')).toHaveCount(1);
  expect(await arrowAnimations(page)).toEqual(['draw', 'fade', 'fade']);
});

test('presenter mode fills the screen, PageDown advances, B blanks and Esc leaves', async ({ app, page }) => {
  await app.open('/walkthroughs/snapshot-copy/1');
  await page.keyboard.press('p');
  const player = page.locator('.player');
  await expect(player).toHaveClass(/presenting/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const box = (await player.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.width).toBeGreaterThanOrEqual(viewport.width - 1);
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
  await page.keyboard.press('PageUp');
  await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
  // B blanks the whole screen, narration and controls included.
  const blank = page.locator('.blank-screen');
  await page.keyboard.press('b');
  await expect(blank).toHaveClass(/on/);
  const covering = await page.evaluate(() => {
    const [w, h] = [window.innerWidth, window.innerHeight];
    // The corners, the middle, and the narration and controls where they are in view.
    const points = [[5, 5], [w - 5, 5], [w / 2, h / 2], [5, h - 5], [w - 5, h - 5]];
    for (const selector of ['.narration h2', '.player-controls button']) {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
      if (x >= 0 && x < w && y >= 0 && y < h) points.push([x, y]);
    }
    return points.map(([x, y]) => document.elementFromPoint(x, y)?.className);
  });
  expect(new Set(covering)).toEqual(new Set(['blank-screen on']));
  // Any key brings it back, and does nothing else.
  await page.keyboard.press('ArrowRight');
  await expect(blank).not.toHaveClass(/on/);
  await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
  // So does a click.
  await page.keyboard.press('b');
  await expect(blank).toHaveClass(/on/);
  await page.mouse.click(viewport.width / 2, 100);
  await expect(blank).not.toHaveClass(/on/);
  await page.keyboard.press('Escape');
  await expect(player).not.toHaveClass(/presenting/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('while presenting, the controls fade after two still seconds and come back when the mouse moves', async ({ app, page }) => {
  await app.open('/walkthroughs/snapshot-copy/1');
  await page.mouse.move(10, 10);
  await page.keyboard.press('p');
  const controls = page.locator('.player-controls');
  const opacity = () => controls.evaluate((c) => getComputedStyle(c).opacity);
  expect(await opacity()).toBe('1');
  await expect.poll(opacity, { timeout: 5000 }).toBe('0');
  // The keys work while the controls are hidden.
  await page.keyboard.press('PageDown');
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
  await page.mouse.move(200, 200);
  await expect.poll(opacity).toBe('1');
  await page.keyboard.press('Escape');
});

test('keyboard legends show with a mouse and hide on a touch-only phone', async ({ page }, testInfo) => {
  const touchOnly = testInfo.project.name === 'phone';
  await page.goto('/walkthroughs/snapshot-copy/1');
  const legend = page.getByText(/^Keys: ← →/);
  await expect(legend).toHaveCount(1);
  await expect(legend).toBeVisible({ visible: !touchOnly });
  await page.goto('/study');
  await expect(page.getByRole('button', { name: /Show answer/ }).locator('kbd')).toBeVisible({ visible: !touchOnly });
  await expect(page.getByText('for the keys.')).toBeVisible({ visible: !touchOnly });
});

/** The smallest type drawn on the stage, in CSS pixels. */
async function smallestStageType(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() =>
    Math.min(
      ...[...document.querySelectorAll('svg.stage text')].map((t) => {
        const scale = (t as SVGGraphicsElement).getScreenCTM()!.a;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      }),
    ),
  );
}

for (const [width, height] of [[1366, 768], [390, 844]]) {
  test(`at ${width}×${height} each step's diagram, narration and Next are seen together, unscrolled, in type of 12 px or more`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const id of IDS) {
      await page.goto(`/walkthroughs/${id}/2`);
      const stage = page.locator('svg.stage');
      await expect(page.getByTestId('step-count')).toHaveText(/Step 2 of/);
      await expect(stage).toBeVisible();
      const tabBar = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
      const bottom = tabBar && tabBar.y > height / 2 ? tabBar.y : height;
      const diagram = (await stage.boundingBox())!;
      expect(diagram.x, id).toBeGreaterThanOrEqual(0);
      expect(diagram.x + diagram.width, id).toBeLessThanOrEqual(width);
      expect(diagram.y + diagram.height, id).toBeLessThanOrEqual(bottom);
      // Nor under the step bar, which sticks to the bottom in one column.
      const stepBar = (await page.locator('.player-controls').boundingBox())!;
      const title = (await page.locator('#step-title').boundingBox())!;
      expect(title.y + title.height, id).toBeLessThanOrEqual(Math.min(bottom, stepBar.y));
      // And the step bar's Next, without scrolling (beside the narration on a wide screen).
      const next = (await page.getByRole('button', { name: 'Next', exact: true }).boundingBox())!;
      expect(next.y + next.height, id).toBeLessThanOrEqual(bottom);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), id).toBeLessThanOrEqual(width);
      expect(await smallestStageType(page), id).toBeGreaterThanOrEqual(12);
    }
  });
}

test('presenter mode draws the presenter layout, even on a narrow screen, and leaves it on Esc', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/walkthroughs/snapshot-copy/1');
  const stage = page.locator('svg.stage');
  await expect(stage).toHaveAttribute('viewBox', /^0 0 472 /);
  await page.keyboard.press('p');
  // The scene as written with its empty room cut out: wider than tall,
  // and smaller than the 1200×675 canvas it is written on.
  await expect(stage).toHaveAttribute('viewBox', '0 0 926 276');
  await page.keyboard.press('Escape');
  await expect(stage).toHaveAttribute('viewBox', /^0 0 472 /);
});

for (const [width, height] of [[1280, 720], [1920, 1080]]) {
  test(`presenting at ${width}×${height}, every step of every walkthrough draws its diagram text at 18 px or more and its narration at 28 px or more`, async ({ app, page }) => {
    await page.setViewportSize({ width, height });
    for (const id of IDS) {
      await app.open(`/walkthroughs/${id}/1`);
      await expect(page.locator('svg.stage')).toBeVisible();
      await page.keyboard.press('p');
      await expect(page.locator('.player')).toHaveClass(/presenting/);
      const total = await page.locator('.step-dots li').count();
      let frame: { width: number; height: number } | undefined;
      for (let step = 1; step <= total; step++) {
        await expect(page.getByTestId('step-count')).toHaveText(`Step ${step} of ${total}`);
        const seen = await page.evaluate(() => {
          // Every label, badge, box title and arrow label as rendered:
          // its font size times the scale the SVG is drawn at, and the
          // height of its box on the screen.
          const texts = [...document.querySelectorAll('svg.stage text')].map((t) => {
            const px = parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a;
            return { px, text: t.textContent, box: t.getBoundingClientRect().height };
          });
          const narration = document.querySelector('.narration')!;
          const inNarration = [...narration.querySelectorAll('p, h2, li')].map((e) => parseFloat(getComputedStyle(e).fontSize));
          const n = narration.getBoundingClientRect();
          const f = document.querySelector('.stage-frame')!.getBoundingClientRect();
          return {
            smallest: texts.reduce((a, b) => (b.px < a.px ? b : a)),
            lowest: Math.min(...texts.map((t) => t.box)),
            narration: Math.min(...inNarration),
            frame: { width: f.width, height: f.height, bottom: f.bottom },
            narrationBox: { top: n.top, bottom: n.bottom, clipped: narration.scrollHeight > narration.clientHeight },
            viewport: window.innerHeight,
          };
        });
        const at = `${id} step ${step}`;
        expect(seen.smallest.px, `${at}: "${seen.smallest.text}"`).toBeGreaterThanOrEqual(18);
        expect(seen.lowest, at).toBeGreaterThanOrEqual(18);
        expect(seen.narration, at).toBeGreaterThanOrEqual(28);
        // The narration is whole, below the diagram and on the screen.
        expect(seen.narrationBox.clipped, at).toBe(false);
        expect(seen.narrationBox.top, at).toBeGreaterThanOrEqual(seen.frame.bottom);
        expect(seen.narrationBox.bottom, at).toBeLessThanOrEqual(seen.viewport);
        // The diagram takes the screen's width, most of its height, and
        // keeps its size from step to step.
        expect(seen.frame.width, at).toBeGreaterThanOrEqual(width * 0.95);
        expect(seen.frame.height, at).toBeGreaterThanOrEqual(height * 0.55);
        if (frame) {
          expect(Math.abs(seen.frame.height - frame.height), at).toBeLessThanOrEqual(1);
        }
        frame = seen.frame;
        await page.keyboard.press('ArrowRight');
      }
    }
  });
}

test('play advances on its own and pauses', async ({ page }) => {
  await page.clock.install();
  await page.goto('/walkthroughs/envelope-encryption/1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.clock.runFor(4100);
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 6');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.clock.runFor(9000);
  await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 6');
});

test('a flashcard links to the walkthrough that animates it, and watching to the end is recorded', async ({ page }) => {
  await page.goto('/study?topic=snapshot-copy');
  await expect(page.getByRole('region', { name: 'Question' })).toBeVisible();
  await page.keyboard.press('Space');
  const link = page.getByRole('link', { name: 'Watch it animated: Copying an encrypted snapshot to another account' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page).toHaveURL('/walkthroughs/snapshot-copy/1');
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-count')).toHaveText('Step 5 of 5');
  await page.getByRole('navigation').getByRole('link', { name: 'Walkthroughs', exact: true }).locator('visible=true').click();
  const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Copying an encrypted snapshot to another account' }) });
  await expect(entry).toContainText('5 steps · watched to the end');
  await page.goto('/progress');
  await expect(page.getByTestId('walkthroughs-done')).toHaveText('1 of 7 walkthroughs watched to the end');
});

test.describe('a walkthrough on a touch screen', () => {
  test.skip(({ isMobile }) => !isMobile, 'touch gestures are for the phone project');

  test('a swipe across the diagram steps; the step bar stays in reach and Next brings the highlight into view', async ({ page }) => {
    await page.goto('/walkthroughs/snapshot-copy/1');
    const count = page.getByTestId('step-count');
    const frame = page.locator('.stage-frame');
    await expect(page.locator('svg.stage')).toBeVisible();
    const box = (await frame.boundingBox())!;
    const swipe = async (x0: number, y0: number, x1: number, y1: number) => {
      await frame.dispatchEvent('pointerdown', { pointerType: 'touch', clientX: x0, clientY: y0, isPrimary: true });
      await frame.dispatchEvent('pointerup', { pointerType: 'touch', clientX: x1, clientY: y1, isPrimary: true });
    };
    const [left, right, middle] = [box.x + 40, box.x + box.width - 40, box.y + box.height / 2];
    await swipe(right, middle, left, middle);
    await expect(count).toHaveText('Step 2 of 5');
    await expect(page).toHaveURL('/walkthroughs/snapshot-copy/2');
    await swipe(left, middle, right, middle);
    await expect(count).toHaveText('Step 1 of 5');
    // A short move, or one mostly up or down, is not a swipe.
    await swipe(right, middle, right - 30, middle);
    await swipe(right, middle - 100, right - 80, middle + 100);
    await expect(count).toHaveText('Step 1 of 5');

    // The step bar sticks above the tab bar under the diagram, and stays
    // in view when the page is scrolled down to the narration.
    const bar = page.locator('.player-controls');
    const tabBar = (await page.getByRole('navigation', { name: 'Main' }).boundingBox())!;
    const stuck = (await bar.boundingBox())!;
    expect(Math.abs(stuck.y + stuck.height - tabBar.y)).toBeLessThanOrEqual(1);
    const stage = (await page.locator('svg.stage').boundingBox())!;
    await page.evaluate((y) => window.scrollTo(0, y), stage.y + stage.height - 60);
    const scrolled = (await bar.boundingBox())!;
    expect(scrolled.y + scrolled.height).toBeLessThanOrEqual(tabBar.y + 1);
    expect(scrolled.y).toBeGreaterThan(0);
    await expect(bar.getByRole('button', { name: 'Previous' })).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Next' })).toBeVisible();
    await expect(bar.locator('.bar-step')).toHaveText('1 / 5');

    // Next from down there brings the step's highlighted actor back into view.
    await bar.getByRole('button', { name: 'Next' }).click();
    await expect(count).toHaveText('Step 2 of 5');
    const topBar = (await page.locator('.topbar').boundingBox())!;
    const actor = page.locator('svg.stage .highlighted').first();
    await expect
      .poll(async () => {
        const a = (await actor.boundingBox())!;
        const b = (await bar.boundingBox())!;
        return a.y >= topBar.y + topBar.height && a.y + a.height <= b.y;
      })
      .toBe(true);
  });
});
