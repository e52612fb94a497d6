return { name = 'x', midr = 0x410fd034, features = { 'WARP' } }
