package shipshape.lib.values_test

import data.shipshape.lib.values

test_digits if {
	values.digits("0")
	values.digits("10001")
	every x in ["", "1e3", " 22", "-1", "22/tcp", 22, null] {
		not values.digits(x)
	}
}
