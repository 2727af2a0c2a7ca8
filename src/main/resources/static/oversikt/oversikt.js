/*
 * Trygg samverkan: the managers' overview. index.html shows the table across municipalities (tabell.js), kommun.html
 * one municipality's year with its cycle's diagram (kommun.js, diagram.js); both in the frame of ram.js, on the
 * shared modules in ../gemensamt/. Plain JavaScript modules, served as they are: no build step. Every piece of data
 * is put on the page as text (textContent or text nodes), never as HTML.
 */
import { start } from './ram.js';
import { overviewPage } from './tabell.js';
import { municipalityPage } from './kommun.js';

// a module runs once the page is parsed: its elements are there
start(document.body.dataset.view === 'kommun' ? municipalityPage() : overviewPage());
