import './fine.js';
import './broken.js';
__log.push('entry');
