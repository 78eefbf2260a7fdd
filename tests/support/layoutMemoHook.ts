// Test files load react-pdf as the CLI does: through the text layout memo's module hook.
import '../../src/render/perf/registerLayoutMemo.mjs';
