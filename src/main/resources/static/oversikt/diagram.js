/*
 * The yearly cycle on its BPMN diagram (kommun.html), with the current steps marked and the zoom buttons. Drawn by
 * bpmn-js's navigated viewer, which the page loads before this module as a classic script
 * (/vendor/bpmn-js/dist/bpmn-navigated-viewer.production.min.js, put there by the build): it defines window.BpmnJS.
 */
import { $, clear } from '../gemensamt/dom.js';
import { api, NotLoggedIn } from '../gemensamt/api.js';

/** The diagram of kommun.html: show(data) draws the cycle of the page's data, wire() connects the zoom buttons. */
export function diagram() {
  let viewer = null;
  let current = [];

  async function show(data) {
    const cycle = data.cycle;
    const description = clear($('diagram-beskrivning'));
    if (!cycle) {
      return;
    }
    if (typeof window.BpmnJS !== 'function') {
      description.textContent = 'Diagramvisaren kunde inte laddas. Fasen står ovanför.';
      return;
    }
    let xml;
    try {
      xml = await api(cycle.diagram, { accept: 'application/xml' });
    } catch (error) {
      if (error instanceof NotLoggedIn) {
        throw error;
      }
      description.textContent = 'Diagrammet kunde inte hämtas: ' + error.message;
      return;
    }
    if (!viewer) {
      viewer = new window.BpmnJS({ container: $('diagram') });
    }
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const names = [];
    current = [];
    for (const id of cycle.activeElements) {
      const element = registry.get(id);
      if (!element) {
        continue;
      }
      canvas.addMarker(id, 'aktuell');
      current.push(element);
      const name = element.businessObject && element.businessObject.name;
      names.push(name ? name.replace(/\s+/g, ' ') : id);
    }
    canvas.zoom('fit-viewport', 'auto');
    $('zooma-aktuellt').hidden = current.length === 0;
    description.textContent = 'Diagram över årscykeln ' + data.year + '. '
      + (names.length ? 'Aktuellt steg: ' + names.join('; ') + '.'
        : cycle.ended ? 'Cykeln är avslutad: inget steg är aktuellt.' : 'Inget steg är aktivt just nu.');
  }

  function zoom(step) {
    if (!viewer) {
      return;
    }
    const canvas = viewer.get('canvas');
    if (step === 'aktuellt') {
      showCurrent(canvas);
    } else if (step === 0) {
      canvas.zoom('fit-viewport', 'auto');
    } else {
      canvas.zoom(canvas.zoom() * (step > 0 ? 1.25 : 0.8));
    }
  }

  /** Zooms to the current steps that are drawn on the shown plane, no closer than the diagram's own size. */
  function showCurrent(canvas) {
    const root = canvas.getRootElement();
    const shapes = current.filter((e) => !e.waypoints && typeof e.x === 'number'
      && (typeof canvas.findRoot !== 'function' || canvas.findRoot(e) === root));
    if (!shapes.length) {
      return;
    }
    const left = Math.min(...shapes.map((e) => e.x));
    const top = Math.min(...shapes.map((e) => e.y));
    const right = Math.max(...shapes.map((e) => e.x + e.width));
    const bottom = Math.max(...shapes.map((e) => e.y + e.height));
    const outer = canvas.viewbox().outer;
    const padding = 60;
    const width = Math.max(right - left + 2 * padding, outer.width);
    const height = Math.max(bottom - top + 2 * padding, outer.height);
    canvas.viewbox({ x: (left + right - width) / 2, y: (top + bottom - height) / 2, width, height });
  }

  function wire() {
    $('zooma-in').addEventListener('click', () => zoom(1));
    $('zooma-ut').addEventListener('click', () => zoom(-1));
    $('zooma-anpassa').addEventListener('click', () => zoom(0));
    $('zooma-aktuellt').addEventListener('click', () => zoom('aktuellt'));
  }

  return { show, wire };
}
