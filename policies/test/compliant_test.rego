package shipshape.test.compliant_test

import data.shipshape.main
import data.shipshape.test.fixtures_test as fx

# The fixtures every rule test starts from pass every rule, so a test's patch is the only violation.
test_compliant_documents_pass_every_rule if {
	every doc in fx.compliant_documents {
		found := main.findings with input as doc
		count(found) == 0
	}
}
