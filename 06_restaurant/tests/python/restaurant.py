#!/usr/bin/env python3
"""The restaurant of "Una introducción a la asincronía en Python" (2020), rebuilt on virtual time.

    python3 restaurant.py sync|threads|async

The three waiters are the originals' as the chapter's README describes them: the sync waiter
with time.sleep, one threading.Thread per waiter on a queue.Queue, and the async waiter with
asyncio.gather within and across orders; the same orders, preparation times, log lines and
spellings (<Waiter: 1>, [Order: 0], "Wait 7.5 seg..."). Only the clock is virtual, so a day
takes no time and prints the same lines on every run:
  * sync: time.sleep moves the clock.
  * threads: time.sleep blocks on a clock that moves only when every thread sleeps, then wakes
    the earliest sleeper alone (equal deadlines: who fell asleep first), the twin of
    common::VirtualClock. Thread.start() returns once the new thread sleeps or has ended, as
    the C++ cashier waits for each waiter to reach the kitchen.
  * async: the loop's selector moves the clock to the earliest timer, and timers with equal
    deadlines fire in the order they were set (aio's rule; on a real clock two deadlines never
    tie, so that is what a real-time run shows).
logging's clock is the virtual one, from 12:00:00.
"""
import asyncio
import heapq
import itertools
import logging
import queue
import selectors
import sys
import threading
import time

PREPARATION_TIME = {'burger': 7.5, 'frites': 4, 'soda': 1, 'beer': 1.2}
ORDERS = [
    {'id': 0, 'products': ['burger', 'soda']},
    {'id': 1, 'products': ['burger', 'burger', 'beer', 'frites']},
    {'id': 2, 'products': ['beer', 'beer', 'beer']},
    {'id': 3, 'products': ['burger', 'frites']},
]


class Clock:
    now = 0.0


class StoryFormatter(logging.Formatter):
    def formatTime(self, record, datefmt=None):
        seconds = int(round(Clock.now, 3)) + 12 * 3600
        return f'{seconds // 3600 % 24:02}:{seconds // 60 % 60:02}:{seconds % 60:02}'


def log_setup():
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(StoryFormatter('%(asctime)s %(message)s', datefmt='%H:%M:%S'))
    logging.basicConfig(level=logging.INFO, handlers=[handler])


# ---- the originals ---------------------------------------------------------------------------

class Waiter:  # sync.py and threads.py
    def __init__(self, id, orders):
        self.id = id
        self.orders = orders

    def request_product(self, product, order_id):
        logging.info(f'<Waiter: {self.id}> [Order: {order_id}] Request {product}. '
                     f'Wait {PREPARATION_TIME[product]} seg...')
        time.sleep(PREPARATION_TIME[product])
        logging.info(f'<Waiter: {self.id}> [Order: {order_id}] Done {product}')

    def dispatch_order(self, order):
        logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] Done order!')
        for product in order['products']:
            logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] Dispatch {product}')
        logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] {"Done dispatch!":-^30}\n')

    def request_order(self, order):
        logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] {"Request order!":*^30}')
        for product in order['products']:
            self.request_product(product, order['id'])
        self.dispatch_order(order)

    def request_orders(self):
        while not self.orders.empty():
            self.request_order(self.orders.get())


class AsyncWaiter:  # async.py
    def __init__(self, id, orders):
        self.id = id
        self.orders = orders

    async def request_product(self, product, order_id):
        logging.info(f'<Waiter: {self.id}> [Order: {order_id}] Request {product}. '
                     f'Wait {PREPARATION_TIME[product]} seg...')
        await asyncio.sleep(PREPARATION_TIME[product])
        logging.info(f'<Waiter: {self.id}> [Order: {order_id}] Done {product}')

    def dispatch_order(self, order):
        logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] Done order!')
        for product in order['products']:
            logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] Dispatch {product}')
        logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] {"Done dispatch!":-^30}\n')

    async def request_order(self, order):
        logging.info(f'<Waiter: {self.id}> [Order: {order["id"]}] {"Request order!":*^30}')
        await asyncio.gather(*[self.request_product(p, order['id']) for p in order['products']])
        self.dispatch_order(order)

    async def request_orders(self):
        await asyncio.gather(*[self.request_order(order) for order in self.orders])


def cashier_sync():
    orders = queue.Queue()
    for order in ORDERS:
        orders.put(order)
    logging.info('Received orders')
    Waiter(1, orders).request_orders()
    Waiter(2, orders).request_orders()


def cashier_threads():
    orders = queue.Queue()
    for order in ORDERS:
        orders.put(order)
    logging.info('Received orders')
    threads = [threading.Thread(target=Waiter(id, orders).request_orders) for id in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def cashier_async():
    logging.info('Received orders')
    asyncio.run(AsyncWaiter(1, ORDERS).request_orders())


# ---- virtual time ----------------------------------------------------------------------------

class ThreadClock:
    """time.sleep for threads: the clock moves only when every thread sleeps."""

    def __init__(self):
        self.cond = threading.Condition()
        self.running = 1  # the main thread
        self.sleepers = []  # (deadline, sequence, thread id)
        self.sequence = itertools.count()
        self.asleep_or_done = set()

    def sleep(self, seconds):
        with self.cond:
            me = (Clock.now + seconds, next(self.sequence), threading.get_ident())
            heapq.heappush(self.sleepers, me)
            self.asleep_or_done.add(me[2])
            self.running -= 1
            self.cond.notify_all()
            while not (self.running == 0 and self.sleepers[0] == me):
                self.cond.wait()
            heapq.heappop(self.sleepers)
            Clock.now = me[0]
            self.asleep_or_done.discard(me[2])
            self.running += 1

    def install(self):
        clock = self
        time.sleep = self.sleep
        start, run, join = threading.Thread.start, threading.Thread.run, threading.Thread.join

        def started(thread):
            with clock.cond:
                clock.running += 1
            start(thread)
            with clock.cond:  # as the C++ cashier: the waiter reaches the kitchen first
                clock.cond.wait_for(lambda: thread.ident in clock.asleep_or_done)

        def ran(thread):
            try:
                run(thread)
            finally:
                with clock.cond:
                    clock.asleep_or_done.add(threading.get_ident())
                    clock.running -= 1
                    clock.cond.notify_all()

        def joined(thread, timeout=None):
            with clock.cond:
                clock.running -= 1
                clock.cond.notify_all()
            join(thread, timeout)
            with clock.cond:
                clock.running += 1

        threading.Thread.start, threading.Thread.run, threading.Thread.join = started, ran, joined


class VirtualSelector(selectors.DefaultSelector):
    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        if timeout is None:
            raise RuntimeError('the loop would wait forever: nothing is scheduled')
        if timeout > 0:
            Clock.now = max(Clock.now, self.loop._scheduled[0]._when)
        return []


class SequencedTimerHandle(asyncio.TimerHandle):
    __slots__ = ('_sequence',)

    def __lt__(self, other):
        return (self._when, self._sequence) < (other._when, other._sequence)


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self
        self._sequence = itertools.count()

    def time(self):
        return Clock.now

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        timer = SequencedTimerHandle(when, callback, args, self, context)
        timer._sequence = next(self._sequence)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return VirtualTimeLoop()


def sync_sleep(seconds):
    Clock.now += seconds


if __name__ == '__main__':
    version = sys.argv[1] if len(sys.argv) == 2 else ''
    if version not in ('sync', 'threads', 'async'):
        sys.exit('usage: restaurant.py sync|threads|async')
    log_setup()
    if version == 'sync':
        time.sleep = sync_sleep
        cashier_sync()
    elif version == 'threads':
        ThreadClock().install()
        cashier_threads()
    else:
        asyncio.set_event_loop_policy(VirtualPolicy())
        cashier_async()
