import './docsy-app.js';
