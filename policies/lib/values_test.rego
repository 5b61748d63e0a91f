package shipshape.lib.values_test

import data.shipshape.lib.values

test_digits if {
	values.digits("0")
	values.digits("10001")
	every x in ["", "1e3", " 22", "-1", "22/tcp", 22, null] {
		not values.digits(x)
	}
}

test_quantity_set_means_a_positive_amount_in_any_shape if {
	every x in [1, 0.5, "1", "512Mi", "0.5", "100m", "1e3", "2g", "1.5gb", "1E", "+1", ".5", "0.001"] {
		values.quantity_set(x)
	}
	every x in [
		0, -1, 0.0, "0", "0m", "0Mi", "0.0Gi", "00", "-1", "-0.5", "", " ", null, "abc", "1.2.3", ".", "0e3",
		true, [1],
	] {
		not values.quantity_set(x)
	}
}
