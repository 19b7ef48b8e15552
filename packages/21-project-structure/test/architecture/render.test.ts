import { describe, expect, it } from 'vitest';
import { checkLayers } from '../../src/architecture/layers.ts';
import { layerEdges, renderLayerGraph, renderTree } from '../../src/architecture/render.ts';

describe('renderTree', () => {
  it('draws folders first, then files, each sorted, with box-drawing guides', () => {
    expect(renderTree(['index.ts', 'api/b.ts', 'api/a.ts', 'models/deep/m.ts'], 'src')).toEqual([
      'src',
      '├── api/',
      '│   ├── a.ts',
      '│   └── b.ts',
      '├── models/',
      '│   └── deep/',
      '│       └── m.ts',
      '└── index.ts',
    ]);
  });
});

describe('renderTree defaults', () => {
  it('names the root "." and sorts folders given out of order', () => {
    expect(renderTree(['b/x.ts', 'a/y.ts'])).toEqual([
      '.',
      '├── a/',
      '│   └── y.ts',
      '└── b/',
      '    └── x.ts',
    ]);
  });
});

describe('layerEdges ordering', () => {
  it('sorts by layer order, not by the order edges were found, with unknown layers last', () => {
    const layers = ['api', 'services', 'models'];
    const report = checkLayers(
      new Map([
        ['compose.ts', "import './api/a.ts';"],
        ['services/s.ts', "import '../models/m.ts';"],
        ['api/a.ts', "import '../models/m.ts'; import '../services/s.ts';"],
        ['models/m.ts', ''],
      ]),
      layers,
    );
    expect(layerEdges(report, layers)).toEqual([
      ['api', 'services', 1],
      ['api', 'models', 1],
      ['services', 'models', 1],
      ['(outside the layers)', 'api', 1],
    ]);
  });
});

describe('layerEdges and renderLayerGraph', () => {
  const layers = ['api', 'services', 'models'];
  const report = checkLayers(
    new Map([
      [
        'api/a.ts',
        "import '../services/s.ts'; import '../services/t.ts'; import '../models/m.ts'; import './b.ts';",
      ],
      ['api/b.ts', ''],
      ['services/s.ts', "import '../models/m.ts';"],
      ['services/t.ts', ''],
      ['models/m.ts', ''],
    ]),
    layers,
  );

  it('counts imports between different layers, in layer order, same-layer ones left out', () => {
    expect(layerEdges(report, layers)).toEqual([
      ['api', 'services', 2],
      ['api', 'models', 1],
      ['services', 'models', 1],
    ]);
  });

  it('prints one aligned line per importing layer', () => {
    expect(renderLayerGraph(report, layers)).toEqual([
      'api      ──▶ services ×2, models ×1',
      'services ──▶ models ×1',
    ]);
  });
});
