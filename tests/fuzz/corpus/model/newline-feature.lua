return { name = "a\nb", midr = 1, features = { "X\nY" } }
