// The page's script (to come).
'use strict';
