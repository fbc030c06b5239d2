import { loadConfig } from '../src/config';
import { guideHtml, loadQuestions } from '../src/browser/guide';
import { parseGrass, readStyle, styleCommand } from '../src/browser/grass';
import { neo4jConf } from '../src/db/managed-neo4j';

describe('the Neo4j Browser style', () => {
  const rules = parseGrass(readStyle());

  it('captions every kind of node by its name or title, with a colour of its own', () => {
    const kinds = ['Country', 'Person', 'Body', 'Position', 'Occupancy', 'Agreement', 'Event', 'DocumentExchange', 'ExchangeSide', 'Place', 'Claim'];
    for (const kind of kinds) expect(rules[`node.${kind}`]).toMatchObject({ color: expect.stringMatching(/^#[0-9A-F]{6}$/i) });
    expect(rules['node.Person'].caption).toBe('{name}');
    expect(rules['node.Agreement'].caption).toBe('{title}');
    const colours = kinds.map((kind) => rules[`node.${kind}`].color);
    expect(new Set(colours).size).toBe(kinds.length);
  });

  it('mutes the evidence layer', () => {
    for (const kind of ['node.Source', 'node.Passage', 'relationship.EVIDENCED_BY', 'relationship.IN_SOURCE']) {
      expect(rules[kind].color).toMatch(/^#(E0E0E0|EEEEEE|F5F5F5)$/);
    }
  });

  it('comes before the kinds for the Fact label every fact carries, so the kinds win', () => {
    const selectors = Object.keys(rules);
    expect(selectors.indexOf('node.Fact')).toBeLessThan(selectors.indexOf('node.Person'));
    expect(selectors.indexOf('node.Event')).toBeLessThan(selectors.indexOf('node.DocumentExchange'));
  });

  it('is applied by the managed server at every connect, on one line without the command separator', () => {
    const command = styleCommand();
    expect(command.startsWith('style {')).toBe(true);
    expect(command).not.toMatch(/[;\n]/);
    expect(JSON.parse(command.slice('style '.length))).toEqual(rules);
    const config = loadConfig({});
    expect(neo4jConf(config.managedNeo4j, config.neo4j)).toContain(`browser.post_connect_cmd=${command}\n`);
  });
});

describe('the Neo4j Browser guide', () => {
  it('has a runnable slide per ready question', () => {
    const html = guideHtml();
    const questions = loadQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(html.match(/<pre class="pre-scrollable code runnable">/g)).toHaveLength(questions.length + 1);
    for (const question of questions) expect(html).toContain(question.title.replace(/&/g, '&amp;'));
  });
});
