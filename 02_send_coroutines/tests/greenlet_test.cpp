#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "greenlet.hpp"

using greenlet::Greenlet;
using Lines = std::vector<std::string>;

TEST_CASE("creating a greenlet runs none of its body and maps a stack of the asked size") {
    Lines events;
    const Greenlet g([&] { events.push_back("body"); });
    CHECK(events.empty());
    CHECK_FALSE(g.started());
    CHECK_FALSE(g.finished());
    CHECK(g.stack_size() == 64 * 1024);
    CHECK(Greenlet::current() == nullptr);
    CHECK(g.parent() == nullptr);
}

TEST_CASE("a stack size is rounded up to whole pages, and one below the minimum is refused") {
    const Greenlet g([] {}, 20'000);
    CHECK(g.stack_size() == 20'480);
    CHECK_THROWS_WITH_AS(Greenlet([] {}, 1024), "Greenlet: a stack of 1024 bytes is too small (minimum 16384)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(Greenlet(std::function<void()>{}), "Greenlet: the body is empty", std::invalid_argument);
}

TEST_CASE("switch_to runs the body until it switches away, and resumes it there the next time") {
    Lines events;
    Greenlet g([&] {
        events.push_back("g: one");
        Greenlet::switch_to_main();
        events.push_back("g: two");
        Greenlet::switch_to_main();
        events.push_back("g: three");
    });
    g.switch_to();
    events.push_back("main: after first switch");
    CHECK(g.started());
    CHECK_FALSE(g.finished());
    g.switch_to();
    events.push_back("main: after second switch");
    g.switch_to();
    events.push_back("main: after third switch");
    CHECK(g.finished());
    CHECK(events == Lines{"g: one", "main: after first switch", "g: two", "main: after second switch", "g: three",
                          "main: after third switch"});
}

TEST_CASE("current() is the running greenlet, and nullptr on the thread's own stack") {
    const Greenlet* seen = nullptr;
    Greenlet g([&] { seen = Greenlet::current(); });
    g.switch_to();
    CHECK(seen == &g);
    CHECK(Greenlet::current() == nullptr);
}

TEST_CASE("when a body returns, control goes back to the greenlet that created it, not to the last switcher") {
    Lines events;
    Greenlet* child_seen_parent = nullptr;
    std::unique_ptr<Greenlet> child;
    Greenlet outer([&] {
        child = std::make_unique<Greenlet>([&] {
            child_seen_parent = child->parent();
            events.push_back("child: runs and returns");
        });
        events.push_back("outer: created child, back to main");
        Greenlet::switch_to_main();
        events.push_back("outer: resumed when child returned");
    });
    outer.switch_to();
    events.push_back("main: switches to child");
    child->switch_to();  // main starts the child, but its parent is outer: outer runs next
    events.push_back("main: outer finished");
    CHECK(child_seen_parent == &outer);
    CHECK(child->finished());
    CHECK(outer.finished());
    CHECK(events == Lines{"outer: created child, back to main", "main: switches to child", "child: runs and returns",
                          "outer: resumed when child returned", "main: outer finished"});
}

TEST_CASE("two greenlets switch back and forth as often as they like") {
    int pings = 0;
    int pongs = 0;
    Greenlet* pong_ptr = nullptr;
    Greenlet ping([&] {
        for (int i = 0; i < 1000; ++i) {
            ++pings;
            pong_ptr->switch_to();
        }
    });
    Greenlet pong([&] {
        for (;;) {
            ++pongs;
            Greenlet::switch_to_main();
        }
    });
    pong_ptr = &pong;
    // pong's parent is main, so its switch_to_main() lands here; ping is resumed each time.
    while (!ping.finished()) ping.switch_to();
    CHECK(pings == 1000);
    CHECK(pongs == 1000);
    CHECK_FALSE(pong.finished());
}

TEST_CASE("an exception escaping a body is rethrown from the parent's switch_to(), and the greenlet is finished") {
    Greenlet g([] { throw std::runtime_error("boom in the greenlet"); });
    CHECK_THROWS_WITH_AS(g.switch_to(), "boom in the greenlet", std::runtime_error);
    CHECK(g.finished());
    CHECK(Greenlet::current() == nullptr);
}

TEST_CASE("an exception reaches the parent through whichever switch gave the parent control back") {
    Lines events;
    std::unique_ptr<Greenlet> thrower;
    std::unique_ptr<Greenlet> middle;
    Greenlet parent([&] {
        thrower = std::make_unique<Greenlet>([] { throw std::runtime_error("from the thrower"); });
        middle = std::make_unique<Greenlet>([&] {
            events.push_back("middle: switches to the thrower");
            thrower->switch_to();
        });
        try {
            middle->switch_to();  // middle runs, starts thrower, thrower throws: parent resumes here
        } catch (const std::runtime_error& error) {
            events.push_back(std::string("parent caught: ") + error.what());
        }
    });
    parent.switch_to();
    CHECK(events == Lines{"middle: switches to the thrower", "parent caught: from the thrower"});
    CHECK(thrower->finished());
    CHECK_FALSE(middle->finished());
    CHECK(parent.finished());
}

TEST_CASE("switching to a finished greenlet throws logic_error") {
    Greenlet g([] {});
    g.switch_to();
    CHECK_THROWS_WITH_AS(g.switch_to(), "cannot switch to a finished greenlet", std::logic_error);
}

TEST_CASE("switching to the running greenlet, or to main from main, does nothing") {
    int steps = 0;
    Greenlet g([&] {
        Greenlet::current()->switch_to();
        ++steps;
    });
    Greenlet::switch_to_main();
    g.switch_to();
    CHECK(steps == 1);
    CHECK(g.finished());
}

TEST_CASE("a greenlet whose parent has finished returns to its grandparent") {
    Lines events;
    std::unique_ptr<Greenlet> child;
    Greenlet parent([&] {
        child = std::make_unique<Greenlet>([&] { events.push_back("child: done"); });
        events.push_back("parent: done");
    });
    parent.switch_to();
    CHECK(parent.finished());
    child->switch_to();
    events.push_back("main: back");
    CHECK(events == Lines{"parent: done", "child: done", "main: back"});
}

TEST_CASE("a greenlet whose parent was destroyed returns to the nearest living ancestor") {
    Lines events;
    std::unique_ptr<Greenlet> parent;
    std::unique_ptr<Greenlet> child;
    Greenlet grandparent([&] {
        parent = std::make_unique<Greenlet>([&] {
            child = std::make_unique<Greenlet>([&] { events.push_back("child: done"); });
            Greenlet::switch_to_main();
        });
        parent->switch_to();
        events.push_back("grandparent: resumed when the child finished");
    });
    grandparent.switch_to();  // grandparent starts parent, parent makes child and parks
    CHECK(child->parent() == parent.get());
    parent.reset();  // abandoned mid-body: it never resumes
    CHECK(child->parent() == &grandparent);
    child->switch_to();
    events.push_back("main: back");
    CHECK(events == Lines{"child: done", "grandparent: resumed when the child finished", "main: back"});
}

TEST_CASE("destroying started but unfinished greenlets unmaps every stack") {
    const std::size_t before = greenlet::Stack::live_count();
    int resumed = 0;
    {
        std::vector<std::unique_ptr<Greenlet>> parked;
        for (int i = 0; i < 100; ++i) {
            parked.push_back(std::make_unique<Greenlet>([&resumed] {
                const int local = 42;  // trivially destructible: abandoning it leaks nothing
                Greenlet::switch_to_main();
                resumed += local;
            }));
            parked.back()->switch_to();
        }
        CHECK(greenlet::Stack::live_count() == before + 100);
        CHECK_FALSE(parked.front()->finished());
    }
    CHECK(greenlet::Stack::live_count() == before);
    CHECK(resumed == 0);
}

TEST_CASE("each thread has its own main stack and current greenlet") {
    auto run_on_a_thread = [](int rounds, int& result) {
        Greenlet worker([&] {
            for (int i = 0; i < rounds; ++i) {
                result += 1;
                Greenlet::switch_to_main();
            }
        });
        while (!worker.finished()) {
            worker.switch_to();
            if (Greenlet::current() != nullptr) result = -1000;  // must be back on this thread's own stack
        }
    };
    int first = 0;
    int second = 0;
    std::thread a(run_on_a_thread, 500, std::ref(first));
    std::thread b(run_on_a_thread, 700, std::ref(second));
    a.join();
    b.join();
    CHECK(first == 500);
    CHECK(second == 700);
}

TEST_CASE("a greenlet refuses to be switched to from another thread") {
    Greenlet g([] {});
    std::string message;
    std::thread other([&] {
        try {
            g.switch_to();
        } catch (const std::logic_error& error) {
            message = error.what();
        }
    });
    other.join();
    CHECK(message == "cannot switch to a greenlet of another thread");
    CHECK_FALSE(g.started());
}
